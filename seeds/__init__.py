"""The seed article (The Hill, 2016-08-17) and the claims annotated in it."""
