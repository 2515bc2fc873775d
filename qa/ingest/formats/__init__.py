"""One reader per corpus file format, each returning documents."""
