/**
 * The JSONPath query language: paths ({@code $}, {@code $$}, {@code $name}), ResultPath and payload
 * templates, compiled by {@link io.statecraft.asl.expr.jsonpath.JsonPathCompiler}. The only package
 * that uses Jayway JsonPath, with one explicit configuration over Jackson trees; reference paths
 * are evaluated without it.
 */
package io.statecraft.asl.expr.jsonpath;
