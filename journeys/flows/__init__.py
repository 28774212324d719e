"""The journey language: a flow file read into a checked model, its conditions, navigation and validation."""
