/**
 * JSONata as AWS Step Functions evaluates it: the only package that uses the JSONata library
 * ({@code com.dashjoin:jsonata}).
 *
 * <p>Entry points: {@link io.statecraft.asl.expr.jsonata.JsonataCompiler} compiles {@code {% %}}
 * strings into {@link io.statecraft.asl.expr.jsonata.JsonataExpression}s and JSON values holding
 * them into {@link io.statecraft.asl.expr.jsonata.JsonataTemplate}s, once, when a definition is
 * read; {@link io.statecraft.asl.expr.jsonata.JsonataErrors} words the causes of {@code
 * States.QueryEvaluationError} for the fields whose checks the interpreter makes.
 *
 * <h2>What AWS does, and so what this package does</h2>
 *
 * <ul>
 *   <li>A string is JSONata when it starts with {@code {%} and ends with {@code %}}; surrounding
 *       whitespace makes it a literal. The expression is evaluated with no input document: a field
 *       name, {@code $} or {@code $$} read at the top level is refused at compile time ({@code
 *       Reference to 'x' at the top level is not supported.}).
 *   <li>{@code $states} holds {@code input}, {@code result}, {@code errorOutput} and {@code
 *       context} where they are available; any other {@code $name} is a workflow variable, else a
 *       function. An unknown variable is undefined.
 *   <li>Step Functions adds {@code $partition}, {@code $range}, {@code $hash}, {@code
 *       $random(seed)} ({@code java.util.Random}), {@code $uuid} and {@code $parse}, and has no
 *       {@code $eval}: calling it fails at run time with {@code T1006}, as calling any undefined
 *       name does (AWS accepts such a definition).
 *   <li>An undefined result fails the field ({@code returned nothing (undefined)}); a function
 *       result is {@code returned an unsupported result type}; an error is {@code threw an error
 *       during evaluation. CODE: message} in JSONata 2.0.6's words; the bounds AWS puts on
 *       evaluation (nesting depth 100; no value larger than 873,782 array elements or 6,990,256
 *       characters) end with {@code ": "} and a bare message.
 * </ul>
 *
 * <h2>Determinism</h2>
 *
 * <p>{@code $now()} and {@code $millis()} read the scope's {@code Clock} (once per evaluation, so
 * all agree); {@code $random()}, {@code $uuid()} and {@code $shuffle()} read its {@code Entropy}.
 * Runaway evaluation is stopped by a count of evaluation steps instead of a timer. The package
 * keeps no mutable static state.
 *
 * <h2>The library against JSONata 2.0.6</h2>
 *
 * <p>AWS runs JSONata 2.0.6. The library (0.9.9) is a port of the JavaScript reference that passes
 * its test suite, with later additions: the {@code ??} and {@code ?:} operators of JSONata 2.1,
 * which 2.0.6 cannot parse. Where the library departs from 2.0.6 in what the AWS corpus or AWS's
 * documented behaviour exercises, this package follows 2.0.6:
 *
 * <ul>
 *   <li>{@code ??} and {@code ?:} are syntax errors, with 2.0.6's messages.
 *   <li>Error messages: the library's catalog says "Object" for "function", quotes every insert as
 *       a string, leaves inserts unfilled ({@code T0412}'s function and type, {@code T2009}'s
 *       operator), and throws some coded errors ({@code D3010}, {@code D3011}) as bare sentences;
 *       messages are rendered from the 2.0.6 catalog with {@code JSON.stringify} inserts.
 *   <li>{@code $number} accepted Java numerals ({@code " 1"}, {@code "1."}, {@code "NaN"}) and
 *       threw a raw {@code NumberFormatException} for others, where 2.0.6 raises {@code D3030}.
 *   <li>{@code $string} escaped U+0080–U+00A0 and U+2000–U+2100 (so {@code €} came out as an escape
 *       sequence), printed integral numbers from 2^63 to 10^21 in exponent form and did not round
 *       to 15 significant digits.
 *   <li>{@code $formatNumber} did not check its picture (AWS fails {@code "x"} with {@code D3086})
 *       and read letters of literal text as pattern syntax.
 *   <li>{@code $replace} read a string pattern as a regular expression when given a limit, and
 *       printed then ignored an error of a replacement function; {@code $pad} built its result in
 *       quadratic time; {@code $assert} dropped its message; {@code $toMillis} read a timestamp
 *       without an offset in the host's time zone; {@code $lowercase}/{@code $uppercase} used the
 *       host's locale; {@code $now}, {@code $millis}, {@code $random} and {@code $shuffle} read the
 *       wall clock and an unseeded generator.
 *   <li>JSON {@code null} and undefined both came back as Java {@code null}; evaluation tells them
 *       apart through the library's evaluate callbacks.
 *   <li>The tokenizer read past the end of an expression ending in a regular expression literal.
 *   <li>The library keeps a per-thread evaluator that, on the thread that compiled an expression,
 *       rewrote that expression's root scope on every evaluation, chaining scopes without end (a
 *       memory leak ending in {@code StackOverflowError}); compilation ends by constructing a
 *       throwaway instance so that no compiled expression is ever that evaluator.
 *   <li>Its runtime bounds read the wall clock; the bounds here count evaluation steps.
 * </ul>
 *
 * <p>Known differences that remain: the library's signature check names argument 1 when a later
 * argument of a built-in function is at fault ({@code T0410}); a non-finite number such as {@code
 * 1/0} fails with {@code D1001} where AWS returns a value; a regular expression with catastrophic
 * backtracking is not bounded; {@code $match} and {@code $split} with a regular expression that can
 * match the empty string do not fail with {@code D1004} and report an empty match at the end; in
 * two error paths the library prints to standard output or error; date/time pictures use the host's
 * default case mapping.
 */
package io.statecraft.asl.expr.jsonata;
