package io.tagcf.ops.config;

import java.util.Map;

/** Reads typed settings from environment variables, failing with the variable's name. */
final class EnvReader {

  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  String string(String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  int positiveInt(String name, int fallback) {
    return intAtLeast(name, fallback, 1, "a positive integer");
  }

  /** An integer of at least 0; 0 usually turns the feature off. */
  int nonNegativeInt(String name, int fallback) {
    return intAtLeast(name, fallback, 0, "0 or a positive integer");
  }

  private int intAtLeast(String name, int fallback, int min, String what) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min) {
        throw new ConfigException(name + " must be " + what + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be " + what + ", got " + v);
    }
  }

  int port(String name, int fallback) {
    int p = positiveInt(name, fallback);
    if (p > 65_535) {
      throw new ConfigException(name + " must be a TCP port (1-65535), got " + p);
    }
    return p;
  }

  double positiveNumber(String name, double fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new ConfigException(name + " must be a positive number, got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a positive number, got " + v);
    }
  }

  double fraction(String name, double fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) {
        throw new ConfigException(name + " must be between 0 and 1, got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a number between 0 and 1, got " + v);
    }
  }
}
