"""Path ids as the contract writes them: positive integers in ASCII digits.

werkzeug's ``int`` converter matches ``\\d``, which in Python includes every script's digits
(``/sources/１`` in fullwidth digits) and leading zeros (``/sources/01``): two spellings of one
resource, which caches and audits would keep apart. Here an id is ``[1-9][0-9]*`` up to the
largest 32-bit value; anything else matches no route (404).
"""

from flask_smorest.spec.plugins import integerconverter2paramschema
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    regex = r"[1-9][0-9]{0,9}"

    def __init__(self, map):
        super().__init__(map, min=1, max=MAX_ID)


def register(app, api):
    app.url_map.converters["id"] = IdConverter
    api.register_converter(IdConverter, integerconverter2paramschema)
