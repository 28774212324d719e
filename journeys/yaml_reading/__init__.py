"""Reading YAML within bounds, and explaining its mistakes: the parts behind yaml_files.py."""
