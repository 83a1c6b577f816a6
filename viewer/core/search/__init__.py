"""Names to medicines and answers: the query read as people write it, brands, classes and typos, drug-aware ranking, the pair check, unknown names and shared ingredients, the full-text index."""
