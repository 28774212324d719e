"""The dev server: pages served concurrently, files watched, browsers reloaded on save."""
