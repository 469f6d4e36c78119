package io.statecraft.activities.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.activities.PercentEncoding;
import io.statecraft.activities.sdk.TaskError;
import java.util.Map;

/**
 * URL-encodes a JSON object as {@code application/x-www-form-urlencoded}, the way the HTTP Task's
 * {@code Transform} with {@code "RequestBodyEncoding": "URL_ENCODED"} does: nested objects as
 * {@code key[field]}, arrays by the {@code ArrayFormat} option, and percent-encoding of everything
 * but the RFC 3986 unreserved characters (so a space is {@code %20}).
 */
final class FormEncoder {

  /** The array encodings of {@code RequestEncodingOptions.ArrayFormat}. */
  enum ArrayFormat {
    /** {@code array[0]=a&array[1]=b}; the default. */
    INDICES,
    /** {@code array=a&array=b}. */
    REPEAT,
    /** {@code array=a,b} (the comma percent-encoded). */
    COMMAS,
    /** {@code array[]=a&array[]=b}. */
    BRACKETS
  }

  private FormEncoder() {}

  static String encode(JsonNode body, ArrayFormat format) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      append(out, field.getKey(), field.getValue(), format);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String key, JsonNode value, ArrayFormat format) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        append(out, key + "[" + field.getKey() + "]", field.getValue(), format);
      }
    } else if (value.isArray()) {
      switch (format) {
        case INDICES -> {
          for (int i = 0; i < value.size(); i++) {
            append(out, key + "[" + i + "]", value.get(i), format);
          }
        }
        case BRACKETS -> value.forEach(item -> append(out, key + "[]", item, format));
        case REPEAT -> value.forEach(item -> append(out, key, item, format));
        case COMMAS -> {
          if (value.isEmpty()) {
            return;
          }
          StringBuilder joined = new StringBuilder();
          for (JsonNode item : value) {
            if (item.isContainerNode()) {
              throw TaskError.of(
                  HttpInvokeActivity.ERROR_RUNTIME,
                  "The COMMAS array format cannot encode the nested "
                      + (item.isArray() ? "array" : "object")
                      + " in RequestBody field '"
                      + key
                      + "'; use INDICES or BRACKETS");
            }
            if (!joined.isEmpty()) {
              joined.append(',');
            }
            joined.append(scalar(item));
          }
          pair(out, key, joined.toString());
        }
      }
    } else {
      pair(out, key, scalar(value));
    }
  }

  private static String scalar(JsonNode value) {
    return value.isNull() ? "" : value.asText();
  }

  private static void pair(StringBuilder out, String key, String value) {
    if (!out.isEmpty()) {
      out.append('&');
    }
    out.append(percentEncode(key)).append('=').append(percentEncode(value));
  }

  /** RFC 3986 percent-encoding of UTF-8, leaving only unreserved characters as they are. */
  static String percentEncode(String text) {
    return PercentEncoding.encode(text);
  }
}
