"""seasonnews crawler: spiders, items, pipelines and the command line."""
