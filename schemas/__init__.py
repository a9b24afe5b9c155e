"""marshmallow contracts: the shapes of what comes in and goes out. No database access."""
