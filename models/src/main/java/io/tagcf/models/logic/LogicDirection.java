package io.tagcf.models.logic;

/** Direction of a tag-logic edge (TagCF paper). */
public enum LogicDirection {
  /** Role (user) tag → item tag: "a symphonist likes violins"; weight P(item tag | role). */
  U2I,
  /** Item tag → role (user) tag: "headphones serve symphonists"; weight P(role | item tag). */
  I2U
}
