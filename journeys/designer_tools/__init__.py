"""Designers' and researchers' tools run from the command line: journey map files and storyboards."""
