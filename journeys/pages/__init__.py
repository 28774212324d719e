"""Page files: which .html or .md file a web address shows, and Markdown pages' front matter."""
