"""Pure, Scrapy-free extraction: (html, url) -> plain data. Nothing here touches the network or DB."""
