"""Language data, one folder per language (``en``): word lists the components share."""
