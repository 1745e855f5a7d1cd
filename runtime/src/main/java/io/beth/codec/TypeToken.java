package io.beth.codec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type for a codec, as {@code new TypeToken<List<User>>() {}.type()}; generated
 * routers and clients keep one per decoded type.
 */
public abstract class TypeToken<T> {

  private final Type type;

  protected TypeToken() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException("create a TypeToken as new TypeToken<X>() {}");
    }
    this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  /** The captured type. */
  public final Type type() {
    return type;
  }
}
