package io.beth.processor.client;

/** A color of {@link Item}, sent by name. */
public enum Color {
  RED,
  DARK_BLUE
}
