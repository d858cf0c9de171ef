package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.interp.Protocol;

/** A module-like value (torch, torch.nn, F, optim): pasted PyTorch code keeps its prefixes. */
final class Namespace {
  final String name;
  private final Map<String, Object> members = new LinkedHashMap<>();

  Namespace(String name) { this.name = name; }

  void put(String member, Object value) { members.put(member, value); }

  Object get(String member) { return members.get(member); }

  boolean has(String member) { return members.containsKey(member); }

  static final Protocol<Namespace> PROTOCOL = new Protocol<>() {
    @Override public String typeName(Namespace self) { return "module"; }

    @Override public Object getAttr(Namespace self, String member) {
      return self.members.containsKey(member) ? self.members.get(member) : UNSUPPORTED;
    }

    @Override public List<String> attributeNames(Namespace self) { return new ArrayList<>(self.members.keySet()); }

    @Override public String repr(Namespace self) { return "<module '" + self.name + "'>"; }
  };
}
