"""The OpenAPI spec is complete and truthful.

Complete: every route of the API is in it, with each of its methods. Truthful: what it says
about each operation matches what the HTTP edge does everywhere (api/__init__.py, api/auth.py,
api/errors.py, api/conditional.py, api/paging.py): every request can be refused for its token
(401) or fail (500); every write needs a role (403); a body can be malformed (400), too large
(413), not JSON (415) or invalid (422); a change needs If-Match (428, 412); errors are problem
details; lists page with a Link header and single reads carry an ETag.

Each test collects every offending operation and fails once, naming them all.
"""

import re

import jsonschema_rs
import pytest
from marshmallow import ValidationError

from api.docs import Examples

PROBLEM = "application/problem+json"
SCHEMAS = "#/components/schemas/"
PROBLEM_SCHEMA = SCHEMAS + "Problem"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
WRITES = {"post", "put", "patch", "delete"}
BODY_METHODS = {"post", "put", "patch"}
CHANGES = {"patch", "put", "delete"}
# Routes that serve the spec itself (and static files), not the API.
NOT_IN_SPEC = ("static", "docs_assets")
SPEC_BLUEPRINT = "api-docs."
PATH_VARIABLE = re.compile(r"<(?:[^<>:]+:)?([^<>:]+)>")


@pytest.fixture
def spec(client):
    """The spec as served (``client`` is pytest-flask's, on the ``app`` fixture)."""
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def resolve(spec, node):
    """``node`` with its ``$ref`` followed (repeatedly); None when the reference dangles."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return None
        node = spec
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def operations(spec):
    """``(label, method, path, operation, parameters)`` for every operation of the spec."""
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            operation = item[method]
            parameters = [resolve(spec, p) or {} for p in shared + operation.get("parameters", [])]
            yield f"{method.upper()} {path}", method, path, operation, parameters


def statuses(operation):
    return set(operation.get("responses", {}))


def routes(app):
    """``{"METHOD /path"}`` of every API route, with paths written the OpenAPI way."""
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in NOT_IN_SPEC or rule.endpoint.startswith(SPEC_BLUEPRINT):
            continue
        if not (rule.rule in ("/", "/healthz") or rule.rule.startswith("/api/v1")):
            continue
        path = PATH_VARIABLE.sub(r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add(f"{method} {path}")
    return found


def report(problems):
    return "\n".join(sorted(problems))


def test_the_spec_is_openapi_3_0_3(spec):
    assert spec["openapi"] == "3.0.3"


def test_the_spec_is_valid_against_the_openapi_3_0_schema(spec):
    # The official OpenAPI 3.0 JSON schema, as shipped (and used to validate specs) by
    # schemathesis; there is no separate validator package in the stack.
    from schemathesis.specs.openapi.definitions import OPENAPI_30_VALIDATOR

    errors = [
        f"{'/'.join(map(str, error.instance_path))}: {error.message}"
        for error in OPENAPI_30_VALIDATOR.iter_errors(spec)
    ]
    assert not errors, report(errors)


def test_every_reference_resolves(spec):
    dangling = set()

    def walk(node, where):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str) and resolve(spec, node) is None:
                dangling.add(f"{where}: {node['$ref']}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(spec, "#")
    assert not dangling, report(dangling)


def test_every_route_is_in_the_spec(app, spec):
    documented = {label for label, *_ in operations(spec)}
    missing = routes(app) - documented
    assert not missing, report(missing)


def test_every_operation_of_the_spec_is_a_route(app, spec):
    documented = {label for label, *_ in operations(spec)}
    invented = documented - routes(app)
    assert not invented, report(invented)


def test_every_path_parameter_is_declared(spec):
    problems = set()
    for label, _, path, _, parameters in operations(spec):
        declared = {p.get("name"): p for p in parameters if p.get("in") == "path"}
        for name in re.findall(r"{([^}]+)}", path):
            parameter = declared.get(name)
            if parameter is None or parameter.get("required") is not True:
                problems.add(f"{label}: path parameter {name} is not declared as required")
            elif name.endswith("id") and parameter.get("schema", {}).get("type") != "integer":
                problems.add(f"{label}: path parameter {name} is not an integer")
    assert not problems, report(problems)


def test_every_operation_has_a_summary(spec):
    missing = {
        label
        for label, _, _, operation, _ in operations(spec)
        if not str(operation.get("summary", "")).strip()
    }
    assert not missing, report(missing)


def test_every_operation_documents_401_and_500(spec):
    # auth.identify refuses a malformed or unknown token on every path, reads included, and
    # any request can fail.
    problems = {
        f"{label}: {status}"
        for label, _, _, operation, _ in operations(spec)
        for status in ("401", "500")
        if status not in statuses(operation)
    }
    assert not problems, report(problems)


def test_every_write_documents_403(spec):
    problems = {
        label
        for label, method, _, operation, _ in operations(spec)
        if method in WRITES and "403" not in statuses(operation)
    }
    assert not problems, report(problems)


def test_every_write_with_a_body_documents_what_a_body_can_get(spec):
    # 400 malformed JSON, 413 too large, 415 not JSON (refused before routing to the view, for
    # every POST, PUT and PATCH that sends a body), 422 invalid fields.
    problems = set()
    for label, method, _, operation, _ in operations(spec):
        if method not in BODY_METHODS:
            continue
        expected = {"400", "413", "415", "422"} if "requestBody" in operation else {"415"}
        if "application/x-ndjson" in operation.get("requestBody", {}).get("content", {}):
            # A bulk import has no size limit and reports each invalid line in its answer.
            expected = {"400", "415"}
        problems |= {f"{label}: {status}" for status in expected - statuses(operation)}
    assert not problems, report(problems)


def test_every_operation_with_query_parameters_documents_422(spec):
    problems = {
        label
        for label, _, _, operation, parameters in operations(spec)
        if any(p.get("in") == "query" for p in parameters) and "422" not in statuses(operation)
    }
    assert not problems, report(problems)


def test_every_operation_on_an_id_documents_404(spec):
    problems = {
        label
        for label, _, path, operation, _ in operations(spec)
        if "{" in path and "404" not in statuses(operation)
    }
    assert not problems, report(problems)


def test_every_change_requires_if_match_and_documents_412_and_428(spec):
    # API.md: PATCH, PUT and DELETE require If-Match (428 without, 412 when stale).
    problems = set()
    for label, method, _, operation, parameters in operations(spec):
        if method not in CHANGES:
            continue
        if_match = [
            p
            for p in parameters
            if p.get("in") == "header" and str(p.get("name", "")).lower() == "if-match"
        ]
        if not if_match or if_match[0].get("required") is not True:
            problems.add(f"{label}: no required If-Match header parameter")
        problems |= {
            f"{label}: {status}" for status in ("412", "428") if status not in statuses(operation)
        }
    assert not problems, report(problems)


def test_every_error_response_is_a_problem(spec):
    problems = set()
    for label, _, _, operation, _ in operations(spec):
        for status, response in operation.get("responses", {}).items():
            if status != "default" and not status.startswith(("4", "5")):
                continue
            resolved = resolve(spec, response)
            if resolved is None:
                problems.add(f"{label} {status}: dangling {response.get('$ref')}")
                continue
            content = resolved.get("content", {})
            if set(content) != {PROBLEM}:
                problems.add(f"{label} {status}: content types {sorted(content)}, not {PROBLEM}")
            elif content[PROBLEM].get("schema", {}).get("$ref") != PROBLEM_SCHEMA:
                problems.add(f"{label} {status}: schema is not {PROBLEM_SCHEMA}")
    assert not problems, report(problems)


def _success(spec, operation):
    codes = sorted(code for code in operation.get("responses", {}) if code.startswith("2"))
    return resolve(spec, operation["responses"][codes[0]]) if codes else None


def _is_list(spec, operation, parameters):
    if any(p.get("in") == "query" and p.get("name") == "cursor" for p in parameters):
        return True
    response = _success(spec, operation) or {}
    schema = resolve(spec, response.get("content", {}).get("application/json", {}).get("schema"))
    return isinstance(schema, dict) and "next_cursor" in schema.get("properties", {})


def test_every_list_documents_the_link_header_and_its_paging_parameters(spec):
    problems = set()
    for label, method, _, operation, parameters in operations(spec):
        if method != "get" or not _is_list(spec, operation, parameters):
            continue
        headers = (_success(spec, operation) or {}).get("headers", {})
        if "Link" not in headers:
            problems.add(f"{label}: no Link header")
        query = {p.get("name") for p in parameters if p.get("in") == "query"}
        problems |= {
            f"{label}: no {name} parameter" for name in ("limit", "cursor") if name not in query
        }
    assert not problems, report(problems)


def test_every_read_of_one_resource_documents_the_etag_header(spec):
    # GET of a single resource (a path ending with its id) returns an ETag.
    problems = set()
    for label, method, path, operation, _ in operations(spec):
        if method != "get" or not path.endswith("}"):
            continue
        response = _success(spec, operation) or {}
        if "ETag" not in response.get("headers", {}):
            problems.add(label)
    assert not problems, report(problems)


def test_the_docs_page_renders_the_spec_for_people(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<html" in page.lower()
    assert "openapi.json" in page
    assert "http://" not in page and "https://" not in page  # nothing loaded from elsewhere
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"):
        with client.get(f"/api/v1/docs/assets/{asset}") as served:
            assert served.status_code == 200, asset


def test_every_operation_has_a_unique_verb_noun_operation_id(spec):
    names = {}
    for label, _, _, operation, _ in operations(spec):
        name = operation.get("operationId", "")
        assert re.fullmatch(r"[a-z]+(_[a-z]+)+", name), f"{label}: {name!r}"
        assert name not in names, f"{label} and {names[name]} share {name}"
        names[name] = label


# The resource each path parameter names, by the collection it follows; a position is keyed
# by its claim.
ID_AFTER = {"positions": "claim_id"}


def test_every_path_parameter_is_named_after_its_resource(spec):
    # ``/claims/{claim_id}/history`` as ``/claims/{claim_id}``: a client sees one name per id.
    problems = set()
    for label, _, path, _, _ in operations(spec):
        for collection, name in re.findall(r"/([a-z_]+)/{([^}]+)}", path):
            expected = ID_AFTER.get(collection, collection.removesuffix("s") + "_id")
            if name != expected:
                problems.add(f"{label}: {{{name}}} after /{collection}, not {{{expected}}}")
    assert not problems, report(problems)


# Operations that create several resources at once: no one Location names them.
CREATE_SEVERAL = {"accept_source_statements"}
# The headers each status carries wherever it is answered (api/errors.py, api/rate_limits.py,
# api/resources/__init__.py).
HEADERS_OF_STATUS = {
    "201": "Location",
    "308": "Location",
    "401": "WWW-Authenticate",
    "429": "Retry-After",
    "503": "Retry-After",
}


def test_every_response_documents_the_headers_of_its_status(spec):
    problems = set()
    for label, _, _, operation, _ in operations(spec):
        for status, response in operation.get("responses", {}).items():
            header = HEADERS_OF_STATUS.get(status)
            if header is None or operation.get("operationId") in CREATE_SEVERAL:
                continue
            if header not in (resolve(spec, response) or {}).get("headers", {}):
                problems.add(f"{label} {status}: no {header} header")
    assert not problems, report(problems)


def test_every_operation_but_the_health_check_documents_429(spec):
    # api/rate_limits.py counts every request against a limit; only /healthz is exempt.
    problems = {
        label
        for label, _, path, operation, _ in operations(spec)
        if path != "/healthz" and "429" not in statuses(operation)
    }
    assert not problems, report(problems)


def _response_schemas(spec):
    """``{name: schema}`` of every component schema that a 2xx answer can contain."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in found:
                    found[name] = resolve(spec, node)
                    walk(found[name])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for _, _, _, operation, _ in operations(spec):
        for status, response in operation.get("responses", {}).items():
            if status.startswith("2"):
                walk(resolve(spec, response))
    return found


# Names of the vocabulary (claims/enums.py) and of the other closed sets the service answers
# with. Left open on purpose: a speaker's role at the time is free text, the reasons of
# suggestions grow with the rules (a client typed on today's list would fail on a new one), and
# the JSON-LD exports carry the W3C vocabulary's types, not ours.
ENUM_NAMES = {
    "kind",
    "type",
    "status",
    "stance",
    "opposing_stance",
    "quote_status",
    "rating",
    "visibility",
    "role",
    "action",
    "resource",
}
OPEN = {("ComparedSpeaker", "role"), ("Reason", "kind")}
JSON_LD = ("Web",)


def test_every_closed_set_of_values_an_answer_carries_is_an_enum(spec):
    problems = set()
    for name, schema in _response_schemas(spec).items():
        if name.startswith(JSON_LD):
            continue
        for field, prop in schema.get("properties", {}).items():
            if field not in ENUM_NAMES or (name, field) in OPEN or prop.get("type") != "string":
                continue
            if not prop.get("enum"):
                problems.add(f"{name}.{field}: no enum")
            elif prop.get("nullable") and None not in prop["enum"]:
                problems.add(f"{name}.{field}: nullable, but null is not among its values")
    assert not problems, report(problems)


def test_what_a_client_sends_as_an_enum_comes_back_as_the_same_enum(spec):
    problems = set()
    for label, method, _, operation, _ in operations(spec):
        if method not in BODY_METHODS or "requestBody" not in operation:
            continue
        body = operation["requestBody"].get("content", {}).get("application/json", {})
        sent = resolve(spec, body.get("schema")) or {}
        answer = _success(spec, operation) or {}
        got = resolve(spec, answer.get("content", {}).get("application/json", {}).get("schema"))
        if not got or "properties" not in got:
            continue
        for field, prop in sent.get("properties", {}).items():
            if "enum" not in prop or field not in got["properties"]:
                continue
            values = set(prop["enum"]) - {None}
            back = got["properties"][field].get("enum")
            if back is None or set(back) - {None} != values:
                problems.add(f"{label}: {field} is sent as {sorted(values)}, answered as {back}")
    assert not problems, report(problems)


def test_every_stored_resource_answers_with_every_field_required(spec):
    # The output schemas of stored resources dump every field, null or not, on every answer.
    problems = set()
    for name, schema in _response_schemas(spec).items():
        properties = set(schema.get("properties", {}))
        if {"id", "created_at", "updated_at", "version"} <= properties:
            missing = properties - set(schema.get("required", []))
            if missing:
                problems.add(f"{name}: {sorted(missing)} not required")
    assert not problems, report(problems)


def test_every_schema_of_an_operation_has_a_description(spec):
    # A schema is described by its class's docstring (api/docs.py).
    used = set(_response_schemas(spec))
    used |= set(re.findall(r'"#/components/schemas/(\w+)"', str(spec["paths"]).replace("'", '"')))
    missing = {name for name in used if not spec["components"]["schemas"][name].get("description")}
    assert not missing, report(missing)


# Examples: every schema component carries one, it validates against its own component, and
# the examples of request bodies load through the schema the server reads them with.


def json_schema(schema):
    """An OpenAPI 3.0 schema object as JSON Schema (draft 4, whose keywords 3.0 uses).

    ``nullable: true`` admits null: as a second type beside the schema's type, or as an
    alternative to a schema without one (``allOf: [$ref]``). ``example`` is dropped (it is
    not a subschema); ``$ref`` keeps pointing into the same document.
    """
    converted = {key: value for key, value in schema.items() if key not in ("example", "nullable")}
    for key in ("items", "additionalProperties", "not"):
        if isinstance(converted.get(key), dict):
            converted[key] = json_schema(converted[key])
    for key in ("allOf", "anyOf", "oneOf"):
        if key in converted:
            converted[key] = [json_schema(part) for part in converted[key]]
    if "properties" in converted:
        converted["properties"] = {
            name: json_schema(part) for name, part in converted["properties"].items()
        }
    if schema.get("nullable"):
        if "type" in converted:
            converted["type"] = [converted["type"], "null"]
        else:
            converted = {"anyOf": [{"type": "null"}, converted]}
    return converted


def example_validators(spec):
    """A validator of each schema component: the component, resolved within the spec's
    components converted to JSON Schema; formats (date, date-time) are checked too."""
    components = {
        name: json_schema(schema) for name, schema in spec["components"]["schemas"].items()
    }
    return {
        name: jsonschema_rs.Draft4Validator(
            {
                "allOf": [{"$ref": f"#/components/schemas/{name}"}],
                "components": {"schemas": components},
            },
            validate_formats=True,
        )
        for name in components
    }


def invalid(validator, example):
    return [
        f"{'/'.join(map(str, error.instance_path)) or '(top)'}: {error.message}"
        for error in validator.iter_errors(example)
    ]


def test_every_schema_has_an_example(spec):
    missing = [
        name for name, schema in spec["components"]["schemas"].items() if "example" not in schema
    ]
    assert not missing, report(missing)


def test_every_example_validates_against_its_schema(spec):
    problems = []
    for name, validator in example_validators(spec).items():
        example = spec["components"]["schemas"][name].get("example")
        problems += [f"{name}: {error}" for error in invalid(validator, example)]
    assert not problems, report(problems)


def test_the_examples_check_finds_a_wrong_example(spec):
    """The check above is not vacuous: references resolve, and required, type, enum, null,
    nested and unknown fields are all checked."""
    validators = example_validators(spec)
    claim = spec["components"]["schemas"]["ClaimDetail"]["example"]
    wrongs = {
        "a required field missing": {k: v for k, v in claim.items() if k != "text"},
        "a wrong type": {**claim, "id": "11"},
        "a value outside the enum": {**claim, "quote_status": "fine"},
        "null where not nullable": {**claim, "speaker": None},
        "a nested field wrong": {**claim, "verdict": {**claim["verdict"], "rating": "yes"}},
        "a bad date": {**claim, "said_on": "16 August 2016"},
    }
    for what, wrong in wrongs.items():
        assert invalid(validators["ClaimDetail"], wrong), what
    create = spec["components"]["schemas"]["ClaimCreate"]["example"]
    assert invalid(validators["ClaimCreate"], {**create, "speaker": "Mark Toner"})
    assert not invalid(validators["ClaimDetail"], {**claim, "verdict": None})


def _referenced(spec, node, found):
    """The names of the schema components ``node`` refers to, directly or through others."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith(SCHEMAS):
            name = ref[len(SCHEMAS) :]
            if name not in found:
                found.add(name)
                _referenced(spec, spec["components"]["schemas"][name], found)
        for value in node.values():
            _referenced(spec, value, found)
    elif isinstance(node, list):
        for value in node:
            _referenced(spec, value, found)
    return found


def test_every_example_of_a_request_body_loads_through_its_schema(app, spec):
    """A client that copies an example sends what the server accepts."""
    bodies = [operation.get("requestBody", {}) for *_, operation, _ in operations(spec)]
    inputs = _referenced(spec, bodies, set())
    assert {"ClaimCreate", "Span", "Accepted", "Candidate", "EditorUpdate"} <= inputs
    plugin = next(
        plugin
        for plugin in app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.plugins
        if isinstance(plugin, Examples)
    )
    problems = []
    for name in sorted(inputs):
        example = spec["components"]["schemas"][name]["example"]
        try:
            plugin.schemas[name]().load(example)
        except ValidationError as error:
            problems.append(f"{name}: {error.messages}")
    assert not problems, report(problems)
