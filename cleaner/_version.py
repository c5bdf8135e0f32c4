"""cleaner's version: a leaf module, so that what keys on it (the rule-set cache) need not import
the package's facade."""

__version__ = "0.1.0"
