package io.solidstream.api.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A config type for lists whose elements share one type, e.g. {@code List[Int]}.
 *
 * <p>Obtain instances from {@link ConfigType#list(ConfigType)}. Every element is validated, errors
 * carry paths like {@code items[2]}, and the resolved value is an unmodifiable {@link List}.
 */
public final class ListType extends ConfigType {

  private static final long serialVersionUID = 1L;

  private final ConfigType elementType;

  ListType(ConfigType elementType) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  /**
   * Returns the type of every element.
   *
   * @return the element type
   */
  public ConfigType elementType() {
    return elementType;
  }

  @Override
  public String displayName() {
    return "List[" + elementType.displayName() + "]";
  }

  @Override
  Object resolve(Object value, ConfigPath path, ValidationContext context) {
    if (!(value instanceof Collection<?> elements)) {
      return context.mismatch(path, this, value);
    }
    List<Object> resolved = new ArrayList<>(elements.size());
    int index = 0;
    for (Object element : elements) {
      resolved.add(elementType.resolve(element, path.index(index++), context));
    }
    return Collections.unmodifiableList(resolved);
  }

  @Override
  boolean rendersAsBlock() {
    return true;
  }

  @Override
  void writeBlockSample(List<String> lines, String indent) {
    if (elementType.rendersAsBlock()) {
      List<String> element = new ArrayList<>();
      elementType.writeBlockSample(element, "");
      for (int i = 0; i < element.size(); i++) {
        lines.add(indent + (i == 0 ? "- " : "  ") + element.get(i));
      }
    } else {
      lines.add(indent + "- " + elementType.inlineSample() + "  # " + elementType.displayName());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListType other && elementType.equals(other.elementType);
  }

  @Override
  public int hashCode() {
    return 31 * ListType.class.getSimpleName().hashCode() + elementType.hashCode();
  }
}
