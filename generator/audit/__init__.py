"""`huddle audit`: the evidence a trust needs for its accessibility statement and privacy notice.

`static.py` reads the built site's files (links, anchors, images' text, the security policy);
`browse.py` visits every page in headless Chromium (axe-core, reflow, keyboard, what leaves the
site or is stored); `findings.py` holds what they find and writes the report.
"""
