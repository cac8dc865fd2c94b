"""Red flags: indicators of diversion over the whole inquiry."""
