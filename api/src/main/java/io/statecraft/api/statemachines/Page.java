package io.statecraft.api.statemachines;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken the token for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

  public Page {
    items = List.copyOf(items);
  }
}
