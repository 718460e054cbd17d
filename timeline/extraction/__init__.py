"""Pure-Python extraction: from article text to candidate events with their evidence.

Nothing in this package imports Django. Entry points live in ``timeline.extraction.pipeline``:
``extract_file``, ``extract_from_text``, ``extract_candidates``, ``merge_candidates`` and
``candidate_to_dict``.
"""
