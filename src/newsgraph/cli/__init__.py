"""The command line: thin commands over library calls; data to stdout, logs and progress to stderr."""
