"""Pure, Scrapy-free extraction: (html, url) -> plain data; no network, no database."""
