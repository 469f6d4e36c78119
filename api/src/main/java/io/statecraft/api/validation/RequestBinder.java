package io.statecraft.api.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.statecraft.api.error.ApiException;
import io.statecraft.api.error.ErrorCode;
import io.statecraft.api.error.FieldIssue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a request body into a request record, strictly: unknown members, wrong JSON types, missing
 * required members and values outside their constraints are each a {@link FieldIssue} with the
 * member's JSON pointer, reported together as a {@code ValidationException}; a body that is not
 * JSON at all is a {@code SerializationException}.
 */
public final class RequestBinder {

  private final ObjectMapper mapper;
  private final Validator validator;

  public RequestBinder(ObjectMapper strictMapper, Validator validator) {
    this.mapper = strictMapper;
    this.validator = validator;
  }

  /** Parses {@code body} (empty means {@code {}}) into a JSON object. */
  public JsonNode parseObject(byte[] body) {
    if (body.length == 0) {
      return mapper.createObjectNode();
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(ErrorCode.SERIALIZATION, describe(e));
    } catch (java.io.IOException e) {
      throw new ApiException(ErrorCode.SERIALIZATION, "The request body cannot be read");
    }
    if (node == null || node.isMissingNode()) {
      return mapper.createObjectNode();
    }
    if (!node.isObject()) {
      throw new ApiException(
          ErrorCode.SERIALIZATION,
          "The request body must be a JSON object, not " + node.getNodeType().name().toLowerCase());
    }
    return node;
  }

  /** Binds a JSON object to {@code type} and checks its constraints. */
  public <T> T bind(JsonNode node, Class<T> type, String operation) {
    T value;
    try {
      value = mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw ApiException.validation(List.of(issue(e, operation)));
    }
    if (value == null) {
      throw new ApiException(ErrorCode.SERIALIZATION, "The request body must be a JSON object");
    }
    check(value);
    return value;
  }

  /** Checks the bean-validation constraints of an already bound value. */
  public <T> void check(T value) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      List<FieldIssue> issues =
          violations.stream()
              .map(RequestBinder::issue)
              .sorted(Comparator.comparing(FieldIssue::pointer).thenComparing(FieldIssue::message))
              .toList();
      throw ApiException.validation(issues);
    }
  }

  /** The field issue a Jackson binding failure stands for. */
  public static FieldIssue issue(JsonProcessingException e, String operation) {
    String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
    if (e instanceof UnrecognizedPropertyException u) {
      return new FieldIssue(
          pointer,
          null,
          "Member '"
              + u.getPropertyName()
              + "' is not a parameter of "
              + operation
              + "; known parameters: "
              + u.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      return new FieldIssue(
          pointer,
          String.valueOf(f.getValue()),
          "Member must satisfy enum value set: "
              + Arrays.stream(f.getTargetType().getEnumConstants())
                  .map(Object::toString)
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    if (e instanceof InvalidFormatException f) {
      return new FieldIssue(
          pointer, String.valueOf(f.getValue()), "Member must be " + kind(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException m) {
      return new FieldIssue(pointer, null, "Member must be " + kind(m.getTargetType()));
    }
    if (e instanceof InputCoercionException c) {
      return new FieldIssue(
          pointer, null, "Member must be " + kind(c.getTargetType()) + " within range");
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c) {
      return new FieldIssue(
          pointer, null, "Member must be " + kind(c.getTargetType()) + " within range");
    }
    return new FieldIssue(pointer, null, "Member is not valid: " + e.getOriginalMessage());
  }

  /** A JSON pointer for a Jackson reference path. */
  public static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  /** A short account of a body that is not JSON, with where it broke. */
  public static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    // Jackson names the redacted source in nested locations; only line and column say anything.
    message =
        message.replaceAll(
            "\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
    return "The request body is not valid JSON: " + message + where;
  }

  private static FieldIssue issue(ConstraintViolation<?> violation) {
    String pointer = pointer(violation.getPropertyPath());
    Object invalid = violation.getInvalidValue();
    String rejected =
        invalid == null || invalid instanceof Collection<?> || invalid instanceof Map<?, ?>
            ? null
            : invalid.toString();
    Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    String message =
        switch (annotation) {
          case NotNull n -> "Member must not be null";
          case Size s -> {
            int length =
                invalid instanceof CharSequence cs
                    ? cs.length()
                    : invalid instanceof Collection<?> c ? c.size() : 0;
            yield length < s.min()
                ? "Member must have length greater than or equal to " + s.min()
                : "Member must have length less than or equal to " + s.max();
          }
          case Min m -> "Member must have value greater than or equal to " + m.value();
          case Max m -> "Member must have value less than or equal to " + m.value();
          case Pattern p -> "Member must satisfy regular expression pattern: " + p.regexp();
          default ->
              "Member "
                  + String.valueOf(attributes.getOrDefault("message", violation.getMessage()));
        };
    return new FieldIssue(pointer, rejected, message);
  }

  private static String pointer(Path path) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        parts.add(Integer.toString(node.getIndex()));
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        parts.add(node.getName());
      }
    }
    return parts.isEmpty() ? "" : "/" + String.join("/", parts);
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", ", "[", "]"));
    }
    return "an object";
  }
}
