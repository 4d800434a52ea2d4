"""The printing package: every document Yichao prints goes through here (reportlab + embedded font).

- :mod:`.document`: page canvases, text that fits its box (shrinks, then wraps), images, QR codes
- :mod:`.chinese_date`: dates as a certificate writes them (二〇二六年十一月二十二日)
- :mod:`.layouts`: certificate layouts from ``resources/layouts`` and pre-printed paper calibration
- :mod:`.subjects`, :mod:`.certificates`: what each kind of certificate says about whom
- :mod:`.register`, :mod:`.verification`, :mod:`.batch`: serials, reprints, revocation, checks, batches

Nothing here imports reportlab at module level where it can be avoided: the GUI starts without it.
"""
