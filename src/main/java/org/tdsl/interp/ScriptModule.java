package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A module made from a script beside the importer (`import mymodule`): its own globals. */
final class ScriptModule {
  final String name;
  final String file;
  final Environment globals;

  ScriptModule(String name, String file, Environment globals) {
    this.name = name;
    this.file = file;
    this.globals = globals;
  }

  static final Protocol<ScriptModule> PROTOCOL = new Protocol<>() {
    @Override public String typeName(ScriptModule self) { return "module"; }

    @Override public Object getAttr(ScriptModule self, String name) {
      Object v = self.globals.get(name);
      return v == Environment.MISSING ? UNSUPPORTED : v;
    }

    @Override public boolean setAttr(ScriptModule self, String name, Object value) {
      self.globals.define(name, value);
      return true;
    }

    @Override public List<String> attributeNames(ScriptModule self) {
      return new ArrayList<>(new TreeSet<>(self.globals.localNames()));
    }

    @Override public String repr(ScriptModule self) {
      return "<module '" + self.name + "' from '" + self.file + "'>";
    }
  };
}
