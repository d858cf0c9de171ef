package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code x.name} finds on one kind of value: methods, declared once by their signature
 * (parsed once, here) and bound to x when read, and data attributes computed from x. Builtin
 * types' methods and the protocols of layers, optimizers, loaders and tensors all answer
 * attribute reads from one of these.
 */
public final class MethodTable<T> {
  /** A method's body: self is the value the method was read from. */
  public interface Method<T> {
    Object call(T self, Args a);
  }

  /** A data attribute's value for self. */
  public interface Attribute<T> {
    Object get(T self);
  }

  private sealed interface Entry<T> {}

  private record MethodEntry<T>(String signature, String help, Signature parsed, Method<T> impl) implements Entry<T> {}

  private record AttributeEntry<T>(Attribute<T> get) implements Entry<T> {}

  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

  /** Adds a method; its name is the signature's. */
  public MethodTable<T> method(String signature, String help, Method<T> impl) {
    Signature parsed = Signature.parse(signature);
    entries.put(parsed.name(), new MethodEntry<>(signature, help, parsed, impl));
    return this;
  }

  /** Adds a data attribute. */
  public MethodTable<T> attribute(String name, Attribute<T> get) {
    entries.put(name, new AttributeEntry<>(get));
    return this;
  }

  /** self.name: the method bound to self, the attribute's value, or Protocol.UNSUPPORTED. */
  public Object get(T self, String name) {
    return switch (entries.get(name)) {
      case null -> Protocol.UNSUPPORTED;
      case MethodEntry<T> m -> new Builtin(name, m.signature(), m.help(), a -> m.impl().call(self, a), m.parsed());
      case AttributeEntry<T> p -> p.get().get(self);
    };
  }

  /** The names, in the order they were added (completion, "did you mean"). */
  public List<String> names() {
    return new ArrayList<>(entries.keySet());
  }
}
