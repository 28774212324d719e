"""The Flask app: its views, the answers and where they are stored, error pages."""
