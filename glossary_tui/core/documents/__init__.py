"""Documents: reading files of every kind into one normalised text that every offset refers to."""
