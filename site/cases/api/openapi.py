"""Request bodies in the OpenAPI document for endpoints that read their JSON themselves
(api_body.read_object), with every nested schema defined once under components.schemas so
that every `$ref` resolves (a generated client needs them all)."""

REF_TEMPLATE = "#/components/schemas/{model}"

# Nested schemas met in request bodies, added to the document by PortalAPI.
NESTED_SCHEMAS: dict[str, dict] = {}


def json_body(schema_class) -> dict:
    """`openapi_extra` for an endpoint whose body has the shape of `schema_class`."""
    schema = schema_class.model_json_schema(ref_template=REF_TEMPLATE)
    NESTED_SCHEMAS.update(schema.pop("$defs", {}))
    NESTED_SCHEMAS[schema_class.__name__] = schema
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"$ref": REF_TEMPLATE.format(model=schema_class.__name__)}
                }
            },
        }
    }


def with_nested_schemas(document: dict) -> dict:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in NESTED_SCHEMAS.items():
        schemas.setdefault(name, schema)
    return document
