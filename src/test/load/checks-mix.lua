-- wrk script: POST /api/v1/checks with a mix of the notes' exercises (the same mix as CheckLoad.java).
-- Run against a running service: wrk -t2 -c8 -d20s -s src/test/load/checks-mix.lua --latency http://127.0.0.1:8080
local bodies = {
  '{"function": "x^T A x", "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}}, "parts": [{"wrt": "x", "answer": "(A + A^T) x"}], "seed": 1}',
  '{"function": "x^T A x", "variables": {"x": {"shape": [3]}, "A": {"shape": [3, 3]}}, "parts": [{"wrt": "x", "answer": "2 A x"}], "seed": 1}',
  '{"function": "1/(1 + e^(-w^T x))", "variables": {"w": {"shape": [3]}, "x": {"shape": [3]}}, "parts": [{"wrt": "w", "answer": "sigmoid(w^T x)(1 - sigmoid(w^T x)) x"}], "seed": 1}',
  '{"function": "relu(w^T x)", "variables": {"w": {"shape": [3]}, "x": {"shape": [3]}}, "parts": [{"wrt": "w", "answer": "step(w^T x) x"}], "seed": 1}',
  '{"function": "1/2 norm(X w - y)^2", "variables": {"X": {"shape": [5, 3]}, "w": {"shape": [3]}, "y": {"shape": [5]}}, "parts": [{"wrt": "w", "answer": "X^T (X w - y)"}], "seed": 1}',
  '{"function": "x1^2 - ln(x2) + e^(-x3)", "variables": {"x": {"shape": [3], "domain": [0.1, 2]}}, "parts": [{"wrt": "x", "answer": ["2 x1", "-1/x2", "-e^(-x3)"]}], "seed": 1}',
  '{"function": "det(X)", "variables": {"X": {"shape": [3, 3]}}, "parts": [{"wrt": "X", "answer": "det(X) inv(X)^T"}], "seed": 1}',
  '{"function": "sin(t)^2 + 2 cos(t)", "variables": {"t": {}}, "parts": [{"wrt": "t", "answer": "2 sin(t) cos(t) - 2 sin(t)"}], "seed": 1}',
}
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/checks", {["Content-Type"] = "application/json"}, bodies[i])
end
