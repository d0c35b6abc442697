"""Everything about mail: a pure core (parse, text, classify, extract) and thin I/O edges."""
