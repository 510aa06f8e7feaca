"""Bundled demo sites: a local server (`demo.server`) and their generator (`demo.build_site`)."""
