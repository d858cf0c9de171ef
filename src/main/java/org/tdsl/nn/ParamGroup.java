package org.tdsl.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.tensor.Tensor;

/**
 * One of an optimizer's {@code param_groups}: its tensors and its options ({@code lr},
 * {@code weight_decay}, ...), which the optimizer reads at every step, so a change made
 * between steps (a scheduler's, or {@code opt.param_groups[0]["lr"] = x}) takes effect.
 * The options live in an {@link Options} store that the language binding may replace by a
 * view of the Python dict the user sees, so that both are one and the same.
 */
public final class ParamGroup {
  /** Where a group's options are kept: Java values (Double, Long, Boolean, List of Double, null). */
  public interface Options {
    Object get(String key);

    void put(String key, Object value);

    boolean has(String key);

    List<String> keys();
  }

  private final List<Tensor> params;
  private Options options;

  ParamGroup(List<Tensor> params, Map<String, Object> values) {
    this.params = List.copyOf(params);
    Map<String, Object> map = new LinkedHashMap<>(values);
    this.options = new Options() {
      @Override public Object get(String key) { return map.get(key); }

      @Override public void put(String key, Object value) { map.put(key, value); }

      @Override public boolean has(String key) { return map.containsKey(key); }

      @Override public List<String> keys() { return new ArrayList<>(map.keySet()); }
    };
  }

  public List<Tensor> params() { return params; }

  public Options options() { return options; }

  /** Moves the options into {@code store} (copying them) and reads them from there from now on. */
  public void backWith(Options store) {
    for (String k : options.keys()) store.put(k, options.get(k));
    options = store;
  }

  public Object get(String key) { return options.get(key); }

  public void set(String key, Object value) { options.put(key, value); }

  public double number(String key) {
    Object v = options.get(key);
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    throw new IllegalArgumentException("param_groups option '" + key + "' must be a number, not " + v);
  }

  public boolean flag(String key) {
    Object v = options.get(key);
    return v instanceof Boolean b ? b : v instanceof Number n && n.doubleValue() != 0;
  }

  /** A pair of floats such as {@code betas}. */
  public double[] pair(String key) {
    if (!(options.get(key) instanceof List<?> l) || l.size() != 2) {
      throw new IllegalArgumentException("param_groups option '" + key + "' must be a pair of floats");
    }
    return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
  }
}
