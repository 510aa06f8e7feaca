"""Only for `scrapyd-deploy`, which builds its egg with `python setup.py bdist_egg`.

Everything (packages, package data, the `scrapy` entry point that names crawler.settings) is
declared in pyproject.toml; without this file scrapyd-deploy would write a setup.py of its own
into the project folder.
"""

from setuptools import setup

setup()
