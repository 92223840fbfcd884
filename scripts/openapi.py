#!/usr/bin/env python3
"""Writes Sources/RecServer/OpenAPI/openapi.json, the OpenAPI 3.1 document the server serves at /openapi.json.

Edit the routes here and rerun `python3 scripts/openapi.py`; Tests/RecServerTests/WebPageTests.swift runs
schemathesis against a live server to check that the document and the code agree.
"""
import json
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def problem(desc): return {"description": desc, "content": {"application/problem+json": {"schema": ref("ProblemDetails")}}}
def ok(schema, desc="OK", status="200"): return {status: {"description": desc, "content": {"application/json": {"schema": ref(schema)}}}}
retry_after = {"Retry-After": {"description": "Whole seconds to wait before the next request.", "schema": {"type": "integer", "minimum": 1}}}
common = {"401": problem("No API key, or an unknown or revoked one."),
          "429": {**problem("The key made more requests than its rate limit (`MARQUEE_RATE_LIMIT`) allows."), "headers": retry_after},
          "500": problem("A fault in Marquee; the log has it under the request id."),
          "503": problem("The request took longer than the time limit (`MARQUEE_REQUEST_TIMEOUT`).")}
client_errors = {**common}
admin_errors = {**common, "403": problem("The key is a client key; this route needs an admin key.")}
def q(name, schema, desc): return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}
n = q("n", {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}, "How many items.")
userp = {"name": "user", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]+$"}, "description": "The user's id."}
itemp = {"name": "item", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]+$"}, "description": "The item's id (percent-encoded in the path)."}
secured = [{"bearer": []}, {"apiKey": []}]
bad = problem("A malformed body or parameter; `field` names it.")
body = lambda s: {"required": True, "content": {"application/json": {"schema": ref(s)}}}
paths = {
 "/healthz": {"get": {"operationId": "health", "summary": "The process answers.", "security": [], "responses": {**ok("Health"), "500": common["500"]}}},
 "/readyz": {"get": {"operationId": "readiness", "summary": "Whether a model serves recommendations.", "security": [], "responses": {**ok("Readiness", "A model is loaded."), "503": {"description": "No model is trained yet.", "content": {"application/json": {"schema": ref("Readiness")}}}, "500": common["500"]}}},
 "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics: requests and latency histograms per route, model version, training duration.", "security": secured, "responses": {"200": {"description": "Prometheus text format.", "content": {"text/plain": {"schema": {"type": "string"}}}}, **admin_errors}}},
 "/v1/users/{user}/recommendations": {"get": {"operationId": "recommendations", "summary": "Recommendations for a user from their history as stored now (feedback counts at once).", "security": secured,
   "parameters": [userp, n,
     q("excludeSeen", {"type": "boolean", "default": True}, "Leave out every item the user interacted with."),
     q("diversity", {"type": "number", "minimum": 0, "maximum": 1, "default": 0}, "0 keeps the model's order; 1 varies genres most (maximal marginal relevance)."),
     q("explain", {"type": "boolean", "default": False}, "Attach an explanation with evidence to each item."),
     q("pitch", {"type": "boolean", "default": False}, "Attach a short pitch written for the user: by the configured language model (MARQUEE_LLM_*) when its text passes the faithfulness check, else by the offline generator."),
     q("mood", {"type": "string", "maxLength": 500}, "The user's current mood, used by pitches (never stored)."),
     q("genre", {"type": "string"}, "Only items of this genre (case-insensitive)."),
     q("minYear", {"type": "integer", "minimum": 0, "maximum": 3000}, "Only items released in or after this year."),
     q("maxYear", {"type": "integer", "minimum": 0, "maximum": 3000}, "Only items released in or before this year.")],
   "responses": {**ok("ItemList"), "400": bad, **client_errors, "503": problem("No model is trained yet.")}}},
 "/v1/recommendations/text": {"post": {"operationId": "moodRecommendations", "summary": "Recommendations from a described mood, for a new or anonymous viewer (needs the MiniLM model and `marquee embed`).", "security": secured, "requestBody": body("MoodRequest"),
   "responses": {**ok("MoodRecommendations"), "400": bad, "413": problem("The body is larger than 1 MiB."), "415": problem("The body is not JSON."), **client_errors, "503": problem("Text features are off, or the catalogue has no embeddings.")}}},
 "/v1/items/{item}/similar": {"get": {"operationId": "similarItems", "summary": "Items most similar to an item under the model.", "security": secured, "parameters": [itemp, n],
   "responses": {**ok("ItemList"), "400": bad, "404": problem("The item is not in the catalogue."), **client_errors, "503": problem("No model is trained yet.")}}},
 "/v1/popular": {"get": {"operationId": "popular", "summary": "The most popular catalogue items.", "security": secured, "parameters": [n], "responses": {**ok("ItemList"), "400": bad, **client_errors, "503": problem("No model is trained yet.")}}},
 "/v1/latest": {"get": {"operationId": "latest", "summary": "The newest catalogue items by release year.", "security": secured, "parameters": [n], "responses": {**ok("ItemList"), "400": bad, **client_errors}}},
 "/v1/items": {"post": {"operationId": "upsertItems", "summary": "Add or replace catalogue items (admin).", "security": secured, "requestBody": body("CatalogueBatch"),
   "responses": {**ok("CatalogueReceipt"), "400": bad, "413": problem("The body is larger than 1 MiB."), "415": problem("The body is not JSON."), **admin_errors}}},
 "/v1/items/{item}": {
   "get": {"operationId": "item", "summary": "A catalogue item.", "security": secured, "parameters": [itemp], "responses": {**ok("CatalogueItem"), "400": bad, "404": problem("The item is not in the catalogue."), **client_errors}},
   "put": {"operationId": "upsertItem", "summary": "Add or replace one catalogue item (admin).", "security": secured, "parameters": [itemp], "requestBody": body("CatalogueItemFields"),
     "responses": {**ok("CatalogueReceipt"), "400": bad, "413": problem("The body is larger than 1 MiB."), "415": problem("The body is not JSON."), **admin_errors}},
   "delete": {"operationId": "deleteItem", "summary": "Remove an item with its interactions and texts (admin).", "security": secured, "parameters": [itemp],
     "responses": {"204": {"description": "Removed."}, "400": bad, "404": problem("The item is not in the catalogue."), **admin_errors}}},
 "/v1/feedback": {"post": {"operationId": "feedback", "summary": "Store one feedback event durably before answering.", "security": secured, "requestBody": body("FeedbackEvent"),
   "responses": {**ok("FeedbackReceipt"), "400": bad, "404": problem("The item is not in the catalogue."), "413": problem("The body is larger than 1 MiB."), "415": problem("The body is not JSON."), **client_errors}}},
 "/v1/feedback/batch": {"post": {"operationId": "feedbackBatch", "summary": "Store several feedback events, all or none.", "security": secured, "requestBody": body("FeedbackBatch"),
   "responses": {**ok("FeedbackReceipt"), "400": bad, "404": problem("An item is not in the catalogue."), "413": problem("The body is larger than 1 MiB."), "415": problem("The body is not JSON."), **client_errors}}},
 "/v1/users": {"get": {"operationId": "users", "summary": "Users with the most training history (for picking a demo user).", "security": secured,
   "parameters": [q("n", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 20}, "How many users.")], "responses": {**ok("UserList"), "400": bad, **client_errors}}},
 "/v1/users/{user}": {
   "get": {"operationId": "user", "summary": "What is held about a user, in counts.", "security": secured, "parameters": [userp], "responses": {**ok("UserSummary"), "400": bad, "404": problem("The user is unknown."), **client_errors}},
   "delete": {"operationId": "deleteUser", "summary": "Delete everything held about a user (admin).", "security": secured, "parameters": [userp], "responses": {**ok("DeletionReceipt"), "400": bad, **admin_errors}}},
 "/v1/users/{user}/export": {"get": {"operationId": "exportUser", "summary": "Everything held about a user (admin).", "security": secured, "parameters": [userp], "responses": {**ok("UserExport"), "400": bad, **admin_errors}}},
 "/v1/train": {"post": {"operationId": "train", "summary": "Train a new model in the background; it replaces the one in use when done (admin).", "security": secured,
   "responses": {**ok("TrainingRequest", "Training was requested.", "202"), **admin_errors}}},
}
S = lambda props, req=(): {"type": "object", "properties": props, "required": list(req), "additionalProperties": False}
# Request bodies: unknown fields are ignored (a tolerant reader), so their schemas allow them.
# Optional request fields may be null (Swift reads null as absent).
def R(props, req=()):
    def nullable(name, schema):
        if name in req or "type" not in schema: return schema
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": types + ["null"]}
    return {"type": "object", "properties": {name: nullable(name, schema) for name, schema in props.items()}, "required": list(req)}
no_control = "^[^\\u0000-\\u001f\\u007f-\\u009f]+$"
string = {"type": "string"}; integer = {"type": "integer"}; number = {"type": "number"}
# Integers the server reads as Int64: larger JSON numbers are refused.
int64 = {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}
schemas = {
 "ProblemDetails": S({"type": string, "title": string, "status": integer, "detail": string, "field": string, "requestId": string}, ["type", "title", "status", "detail", "requestId"]),
 "Health": S({"status": {"type": "string", "enum": ["ok"]}}, ["status"]),
 "Readiness": S({"ready": {"type": "boolean"}, "model": string, "items": integer, "eventsSinceTraining": integer}, ["ready", "items", "eventsSinceTraining"]),
 "TrainingRequest": S({"currentModel": string, "status": {"type": "string", "enum": ["requested"]}}, ["status"]),
 "Evidence": S({"item": string, "title": string, "weight": {**number, "description": "Share of the score (score-decomposition, neighbours)."},
                "kind": {"type": "string", "enum": ["liked", "reviewed"]}, "sentiment": {**number, "description": "VADER compound of the review, for `reviewed`."}}, ["item", "title", "weight", "kind"]),
 "Explanation": S({"text": string, "evidence": {"type": "array", "items": ref("Evidence")},
                   "method": {"type": "string", "enum": ["score-decomposition", "neighbours", "popularity", "model"]},
                   "score": {**number, "description": "The model's score; evidence weights plus remainder sum to it."}, "remainder": number,
                   "themes": {"type": "array", "items": ref("ThemeEvidence"), "description": "When the interest vector re-ranked the list: the item's genres and keywords closest to it."},
                   "notes": {"type": "array", "items": string}}, ["text", "evidence", "method", "themes", "notes"]),
 "ThemeEvidence": S({"theme": string, "weight": {**number, "description": "Cosine between the theme's mean item embedding and the user's interest, in (0, 1]."}}, ["theme", "weight"]),
 "Pitch": S({"text": string, "generator": {"type": "string", "enum": ["offline", "llm"]}, "model": string, "fallbackReason": string}, ["text", "generator"]),
 "RecommendedItem": S({"id": string, "title": string, "year": integer, "genres": {"type": "array", "items": string}, "score": number, "explanation": ref("Explanation"), "pitch": ref("Pitch")}, ["id", "title", "genres", "score"]),
 "ItemList": S({"items": {"type": "array", "items": ref("RecommendedItem")}, "model": string, "fallback": {"type": "boolean"}}, ["items", "fallback"]),
 "CatalogueItem": S({"id": {"type": "string", "minLength": 1, "maxLength": 256}, "title": {"type": "string", "minLength": 1, "maxLength": 1000}, "year": integer, "genres": {"type": "array", "items": string}, "imdbId": string, "tmdbId": integer, "tagline": string, "overview": string, "keywords": {"type": "array", "items": string}}, ["id", "title"]),
 "CatalogueItemFields": R({"id": {"type": "string", "description": "Ignored: the path's id is used."}, "title": {"type": "string", "minLength": 1, "maxLength": 1000}, "year": int64, "genres": {"type": "array", "items": string}, "imdbId": string, "tmdbId": int64, "tagline": {"type": "string", "maxLength": 1000, "description": "Absent or empty keeps the stored one."}, "overview": {"type": "string", "maxLength": 10000, "description": "Absent or empty keeps the stored one."}, "keywords": {"type": "array", "maxItems": 100, "items": string, "description": "Absent or empty keeps the stored ones."}}, ["title"]),
 "NewCatalogueItem": R({"id": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": no_control}, "title": {"type": "string", "minLength": 1, "maxLength": 1000}, "year": int64, "genres": {"type": "array", "items": string}, "imdbId": string, "tmdbId": int64, "tagline": {"type": "string", "maxLength": 1000, "description": "Absent or empty keeps the stored one."}, "overview": {"type": "string", "maxLength": 10000, "description": "Absent or empty keeps the stored one."}, "keywords": {"type": "array", "maxItems": 100, "items": string, "description": "Absent or empty keeps the stored ones."}}, ["id", "title"]),
 "CatalogueBatch": R({"items": {"type": "array", "maxItems": 10000, "items": ref("NewCatalogueItem")}}, ["items"]),
 "CatalogueReceipt": S({"accepted": integer, "new": integer}, ["accepted", "new"]),
 "FeedbackEvent": R({"user": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": no_control}, "item": {"type": "string", "minLength": 1}, "kind": {"type": "string", "enum": ["rating", "like", "dislike", "watched", "skipped", "review"]},
                     "value": {"type": "number", "minimum": -1000000, "maximum": 1000000, "description": "The rating, for `rating` events, on the store's scale."}, "text": {"type": "string", "maxLength": 10000, "description": "The review, for `review` events."}, "timestamp": {**int64, "description": "Unix seconds; the server's clock when absent."}}, ["user", "item", "kind"]),
 "FeedbackBatch": R({"events": {"type": "array", "maxItems": 10000, "items": ref("FeedbackEvent")}}, ["events"]),
 "FeedbackReceipt": S({"accepted": integer, "new": integer}, ["accepted", "new"]),
 "UserList": S({"users": {"type": "array", "items": string}}, ["users"]),
 "UserSummary": S({"id": string, "interactions": integer, "positives": integer, "texts": integer}, ["id", "interactions", "positives", "texts"]),
 "Profile": S({"id": string, "age": integer, "gender": string, "occupation": string}, ["id"]),
 "Interaction": S({"user": string, "item": string, "kind": {"type": "string", "enum": ["rating", "like", "dislike", "watched", "skipped"]}, "value": number, "timestamp": integer}, ["user", "item", "kind"]),
 "Text": S({"user": string, "item": string, "text": string, "timestamp": integer}, ["user", "item", "text"]),
 "UserExport": S({"id": string, "profile": ref("Profile"), "interactions": {"type": "array", "items": ref("Interaction")}, "texts": {"type": "array", "items": ref("Text")}}, ["id", "interactions", "texts"]),
 "MoodRequest": R({"text": {"type": "string", "minLength": 1, "maxLength": 10000}, "n": {"type": "integer", "minimum": 1, "maximum": 100}}, ["text"]),
 "MoodRecommendations": S({"items": {"type": "array", "items": ref("RecommendedItem")}, "model": string, "truncated": {"type": "boolean"}}, ["items", "model", "truncated"]),
 "DeletionReceipt": S({"removed": integer}, ["removed"]),
}
doc = {"openapi": "3.1.0",
 "info": {"title": "Marquee", "version": "1.0.0", "description": "Self-hosted movie recommendations. Every /v1 route needs an API key (`marquee keys create`); errors are RFC 9457 problem details whose `type` is stable."},
 "servers": [{"url": "/"}],
 "security": secured,
 "paths": paths,
 "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}, "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}}}
import pathlib
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/RecServer/OpenAPI/openapi.json"
out.write_text(json.dumps(doc, indent=1) + "\n")
