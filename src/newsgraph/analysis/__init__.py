"""Analysis over the store: timeline, actor network, outlet roundup, story clusters, predictions."""
