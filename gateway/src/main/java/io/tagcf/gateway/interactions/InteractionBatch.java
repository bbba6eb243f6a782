package io.tagcf.gateway.interactions;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import java.util.List;

/** A checked body of {@code POST /v1/interactions}: events and users, each with distinct ids, in body order. */
record InteractionBatch(List<UserProfile> users, List<Exposure> events) {

  InteractionBatch {
    users = List.copyOf(users);
    events = List.copyOf(events);
  }
}
