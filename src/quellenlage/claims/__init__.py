"""Claims: quantities with qualifier, unit, scope and source; figures group them."""
