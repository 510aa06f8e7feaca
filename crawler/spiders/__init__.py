"""Spiders: discovery and following only; extraction lives in crawler.extract."""
