"""One module per section of the statistics; each returns `Table`s built with a constant
number of aggregate queries, whatever the length of the range or the number of cases."""
