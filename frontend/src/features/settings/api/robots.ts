/** 群机器人: the company's WeCom / DingTalk / Feishu group robots that post notices to group chats (admin). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { ifMatch } from '../../eight-d/api/mutations';
import { settingsKeys } from './queries';

export type Robot = Schemas['RobotView'];
export type RobotBody = Schemas['RobotBody'];
export type RobotPlatform = Schemas['RobotPlatform'];
export type RobotPost = Schemas['RobotPostView'];

/** The platforms, in the order the form offers them. */
export const ROBOT_PLATFORMS = everyCode<RobotPlatform>()(['wecom', 'dingtalk', 'feishu']);

export const robotKeys = {
  all: [...settingsKeys.all, 'robots'] as const,
  posts: (id: number) => [...settingsKeys.all, 'robots', id, 'posts'] as const,
};

export function useRobots() {
  return useQuery({
    queryKey: robotKeys.all,
    queryFn: async () => unwrap(await api.GET('/api/v1/notice-robots')).items,
  });
}

/**
 * Adds a robot, or changes one at the version read (412 when it changed
 * meanwhile). On a change, a body without `url` keeps the stored address and
 * one without `secret` the stored secret; `secret: ""` removes it.
 */
export function useSaveRobot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: RobotBody } | { id: number; version: number; body: RobotBody }) => {
      if (!('id' in input)) return unwrap(await api.POST('/api/v1/notice-robots', { body: input.body }));
      return unwrap(
        await api.PUT('/api/v1/notice-robots/{id}', {
          params: { path: { id: input.id }, header: { 'If-Match': ifMatch(input.version) } },
          body: input.body,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: robotKeys.all }),
  });
}

/** A robot's latest posts, newest first. */
export function useRobotPosts(id: number | null) {
  return useQuery({
    queryKey: robotKeys.posts(id ?? 0),
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/v1/notice-robots/{id}/posts', { params: { path: { id: id ?? 0 } } })).items,
  });
}
