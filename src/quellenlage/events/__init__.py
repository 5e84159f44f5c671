"""Events coded in the PLOVER ontology."""
