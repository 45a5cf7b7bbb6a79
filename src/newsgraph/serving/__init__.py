"""What the API and the dashboard both stand on: the open store and the view cache as request
dependencies, and one error shape. Neither imports the other; ``newsgraph.server`` mounts both."""
