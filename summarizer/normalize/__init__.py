"""Pure normalisers: dates, numbers, names and places. No I/O, no model."""
