-- Neovim end-to-end scenario for `tempguard lsp` (run by .ci/lsp-e2e.sh).
-- Works with Neovim 0.7 (Debian bookworm) and later:
--   nvim --headless -u NONE -i NONE -n -c "luafile e2e.lua"
-- Environment: TG_BIN (the tempguard binary), TG_FILE (the Go file to open),
-- TG_LOG (a log file). Exits 0 on success, 1 on failure.
local bin, file, logpath = os.getenv('TG_BIN'), os.getenv('TG_FILE'), os.getenv('TG_LOG')
local log = io.open(logpath, 'w')
local function say(fmt, ...)
  log:write(string.format(fmt, ...) .. '\n')
  log:flush()
end

local function scenario()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local messages = {}
  local last_pub = nil
  local client_id = vim.lsp.start_client({
    name = 'tempguard',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = {
      ['window/showMessage'] = function(_, result)
        table.insert(messages, result.message)
      end,
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        last_pub = result
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      say('server exited: code=%s signal=%s', tostring(code), tostring(signal))
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  local function tempguard_diags()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == 'tempguard' then
        table.insert(out, d)
      end
    end
    return out
  end

  -- 1. Diagnostics arrive.
  if not vim.wait(180000, function() return #tempguard_diags() > 0 end, 100) then
    error('no tempguard diagnostics within 180s; server messages: ' .. table.concat(messages, ' | '))
  end
  local d = tempguard_diags()[1]
  say('diagnostic: line %d, byte column %d: [%s] %s', d.lnum + 1, d.col, tostring(d.code), d.message)
  assert(d.code and d.code ~= '', 'diagnostic has no code')
  say('FINDING %s %d', d.code, d.lnum + 1)
  assert(d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription
    and d.user_data.lsp.codeDescription.href == 'https://github.com/tempguard/tempguard#' .. d.code,
    'codeDescription.href is not the README anchor')

  -- The finding starts at os.Create on a line with multi-byte text before
  -- it: Neovim converts our UTF-16 column to bytes, so they must agree.
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  local want = string.find(line, 'os.Create(', 1, true)
  if want and #line ~= vim.fn.strchars(line) then
    assert(d.col == want - 1, string.format('byte column %d, want %d (UTF-16 conversion)', d.col, want - 1))
    say('column check: ok (byte %d on a line with non-ASCII text)', d.col)
  end

  -- 2. Request the quick fix for that line.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum + 1, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000)
  local action
  for _, resp in pairs(responses or {}) do
    for _, a in ipairs(resp.result or {}) do
      if a.kind == 'quickfix' and a.edit and not action then
        action = a
      end
    end
  end
  assert(action, 'no quickfix code action for ' .. d.message)
  say('code action: %s', action.title)

  -- 3. Apply it and write the file.
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local fixed = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  say('fixed line: %s', fixed)
  vim.cmd('write')

  -- 4. The server re-analyzes the saved text and the finding is gone.
  local function current()
    local v = vim.lsp.util.buf_versions[bufnr]
    return last_pub and last_pub.version == v
  end
  if not vim.wait(180000, current, 100) then
    error('no diagnostics for the fixed text within 180s; server messages: ' .. table.concat(messages, ' | '))
  end
  for _, x in ipairs(tempguard_diags()) do
    if x.code == d.code and x.lnum == d.lnum then
      error('finding still reported after the fix: ' .. x.message)
    end
  end
  say('diagnostic cleared: ok (%d tempguard diagnostics left)', #tempguard_diags())

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(scenario)
if ok then
  say('PASS')
  vim.cmd('qall!')
else
  say('FAIL: %s', tostring(err))
  vim.cmd('cquit 1')
end
